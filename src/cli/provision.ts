import { runProvision } from "./provisionRun";

// exitCode, not exit(): writes to a pipe are asynchronous, and exit() would cut the output short.
runProvision(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`provision: unexpected failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exitCode = 1;
  },
);
