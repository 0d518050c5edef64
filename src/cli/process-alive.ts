// Whether a process on this host still runs (signal 0 checks without sending anything). A worker
// lock held by a dead process is free at once; `health` fails at once for it.

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
