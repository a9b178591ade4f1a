import { AuditService } from '../audit.service';
import type { CliCommand } from './cli-command';
import { withCliDatabase } from './cli-database';

/** `audit:verify [--org <id>]`: recomputes every organization's chain; exit 1 on the first broken link. */
export const auditVerifyCommand: CliCommand = {
  name: 'audit:verify',
  usage: 'audit:verify [--org <organization-id>]',
  run: (args) =>
    withCliDatabase(async (dataSource) => {
      const audit = new AuditService(dataSource);
      const orgIndex = args.indexOf('--org');
      const organizations = orgIndex >= 0 ? [args[orgIndex + 1]] : await audit.organizationsWithEvents();
      let failed = false;
      for (const organizationId of organizations) {
        const report = await audit.verify(organizationId);
        if (report.ok) {
          console.log(
            `OK      ${organizationId}: ${report.checked} events, head #${report.head?.seq ?? 0} ${report.head?.hash ?? '-'}`,
          );
        } else {
          failed = true;
          console.log(
            `BROKEN  ${organizationId}: event ${report.firstBrokenEventId} (#${report.firstBrokenSeq}): ${report.reason}`,
          );
        }
      }
      if (organizations.length === 0) {
        console.log('No audit events yet.');
      }
      return failed ? 1 : 0;
    }),
};
