#!/usr/bin/env node
// The `followthrough` executable. Built to dist/cli/followthrough.js by `npm run build` (run by
// `npm ci` through `prepare`), so the CLI and the worker run plain JavaScript: no TypeScript
// loader at run time (faster start-up for the container HEALTHCHECK, less memory for the worker).

import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
