#!/usr/bin/env node
// The installed command: runs the compiled CLI (built by `npm ci` through the `prepare` script).
import { runFromProcess } from '../dist/cli/main.js';

runFromProcess();
