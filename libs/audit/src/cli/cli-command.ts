/** One `npm run cli -- <name> …` command; returns the process exit code. */
export interface CliCommand {
  name: string;
  usage: string;
  run(args: string[]): Promise<number>;
}
