#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx's loader, so `npx followthrough`
// always runs what is checked out: there is no build step to forget or go stale.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
