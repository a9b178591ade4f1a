/** Same shape as the other `npm run cli` commands (scripts/cli.ts): returns the exit code. */
export interface AuthCliCommand {
  name: string;
  usage: string;
  run(args: string[]): Promise<number>;
}
