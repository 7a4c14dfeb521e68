#!/usr/bin/env node
import { runDemo } from "../dist/cli/run-demo.js";

// Piped into `head` and the like: stop quietly when the reader goes away.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
process.exitCode = await runDemo({
  stdout: process.stdout,
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  width: process.stdout.columns,
});
