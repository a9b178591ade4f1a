/**
 * npm run cli -- <command> [args]
 * Operator commands. Each feature contributes CliCommand objects; add yours to COMMANDS.
 */
import 'reflect-metadata';
import type { CliCommand } from '@civic/audit';
import { auditVerifyCommand, exportVerifyCommand } from '@civic/audit';
import { secretsRotateCommand, userCreateCommand } from '@civic/auth';

const COMMANDS: CliCommand[] = [userCreateCommand, secretsRotateCommand, auditVerifyCommand, exportVerifyCommand];

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    console.error(`usage: npm run cli -- <command>\n\n${COMMANDS.map((c) => `  ${c.usage}`).join('\n')}`);
    return 2;
  }
  return command.run(args);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
