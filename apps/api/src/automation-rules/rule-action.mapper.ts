import type { ConversationAction } from '@civic/automation';
import { ConversationActionKind as K } from '@civic/automation';
import type { RuleActionDto } from './rule-action.dto';

/** Each kind's own fields, so a stored action carries nothing another kind's field left behind. */
const FIELDS: Record<K, (keyof RuleActionDto)[]> = {
  [K.AssignTeam]: ['teamId'],
  [K.AssignOfficer]: ['userId'],
  [K.AddTags]: ['tags'],
  [K.SetPriority]: ['priority'],
  [K.OpenCase]: ['categoryKey', 'departmentId'],
  [K.ForwardCase]: ['departmentId'],
  [K.SendCannedResponse]: ['cannedResponseId'],
  [K.NotifyTeam]: ['teamId'],
  [K.CloseAsSpam]: [],
  [K.CloseConversation]: [],
};

export function toConversationAction(dto: RuleActionDto): ConversationAction {
  const action: Record<string, unknown> = { kind: dto.kind };
  for (const field of FIELDS[dto.kind]) {
    if (dto[field] !== undefined) {
      action[field] = field === 'tags' ? dto.tags!.map((t) => t.trim()) : dto[field];
    }
  }
  return action as unknown as ConversationAction;
}
