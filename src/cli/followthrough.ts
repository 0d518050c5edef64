#!/usr/bin/env node
// The `followthrough` executable. Built to dist/cli/followthrough.js by `npm run build` (run by
// `npm ci` through `prepare`), so the CLI and the worker run plain JavaScript: no TypeScript
// loader at run time (faster start-up for the container HEALTHCHECK, less memory for the worker).

import { setFlagsFromString } from 'node:v8';

// The Slack client calls Node's built-in fetch, whose HTTP parser is WebAssembly: its first use
// compiles it with V8's optimising tier, a 30 MB spike in the worker's resident memory (measured:
// peak 132 MB → 97 MB). The baseline compiler is plenty for parsing a few Slack answers a minute.
setFlagsFromString('--liftoff-only');

const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
// main has returned: nothing of ours is left to do. A keep-alive socket (the Slack SDK's) or an
// abandoned request must not hold the process past a container's stop grace period.
setTimeout(() => process.exit(), 1000).unref();
