import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConversationActionKind } from '@civic/automation';
import { AutomationRuleEvent, AutomationRulesService, RuleConditionType } from '@civic/automation-rules';
import type { AutomationRuleDefinition } from '@civic/automation-rules';
import { TeamsService } from '@civic/teams';

/** The demo's teams: who takes urgent messages, who reads Arabic and Kurdish. */
const TEAMS = {
  urgent: {
    name: 'Acil Durum Ekibi',
    description: 'Gaz kokusu, düşen kablo, su baskını gibi tehlike bildiren mesajlar',
  },
  languages: { name: 'Tercüme Masası', description: 'Arapça ve Kürtçe yazan vatandaşların mesajları' },
};

/**
 * Two teams and two enabled automation rules for the demo, so a newcomer sees the readings at work
 * on the live sandbox: urgent messages go to the emergency team, Arabic and Kurdish ones to the
 * colleagues who read them. Written through the services (validated and audited like an
 * administrator's), in the name of the organization's first administrator.
 */
@Injectable()
export class DemoAutomationSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TeamsService,
    private readonly rules: AutomationRulesService,
  ) {}

  /** How many rules were written (0 when the organization already has rules or no administrator). */
  async seed(organizationId: string, officers: { id: string }[]): Promise<number> {
    const [admin] = await this.dataSource.query(
      `SELECT id, display_name FROM app_user WHERE organization_id = $1 AND 'admin' = ANY(roles) ORDER BY created_at, id LIMIT 1`,
      [organizationId],
    );
    const [existing] = await this.dataSource.query(`SELECT 1 FROM automation_rule WHERE organization_id = $1 LIMIT 1`, [
      organizationId,
    ]);
    if (!admin || existing) {
      return 0;
    }
    const actor = { organizationId, userId: admin.id as string, label: admin.display_name as string };
    const half = Math.ceil(officers.length / 2);
    const urgentTeam = await this.teams.create(actor, {
      ...TEAMS.urgent,
      memberIds: officers.slice(0, half).map((o) => o.id),
    });
    const languageTeam = await this.teams.create(actor, {
      ...TEAMS.languages,
      memberIds: officers.slice(half).map((o) => o.id),
    });
    const message: Pick<AutomationRuleDefinition, 'event' | 'match' | 'stopHere'> & { enabled: boolean } = {
      event: AutomationRuleEvent.MessageReceived,
      match: 'all',
      stopHere: false,
      enabled: true,
    };
    await this.rules.create(actor, {
      ...message,
      name: 'Acil mesajları Acil Durum Ekibine ver',
      conditions: [{ type: RuleConditionType.Urgent, values: ['true'] }],
      actions: [
        { kind: ConversationActionKind.AssignTeam, teamId: urgentTeam.id },
        { kind: ConversationActionKind.AddTags, tags: ['acil-durum'] },
      ],
    });
    await this.rules.create(actor, {
      ...message,
      name: 'Arapça ve Kürtçe mesajları Tercüme Masasına ver',
      conditions: [{ type: RuleConditionType.Language, values: ['ar', 'ku'] }],
      actions: [
        { kind: ConversationActionKind.AssignTeam, teamId: languageTeam.id },
        { kind: ConversationActionKind.AddTags, tags: ['tercüme'] },
      ],
    });
    return 2;
  }
}
