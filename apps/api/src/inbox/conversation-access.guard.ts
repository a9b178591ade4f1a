import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountAccessService, AuthPrincipal } from '@civic/auth';
import { DomainError, ErrorCode } from '@civic/errors';

/**
 * An officer limited to some channel accounts reaches only their conversations: any route with a
 * conversation `:id` answers 404 for the others, as for another organization's conversation.
 */
@Injectable()
export class ConversationAccessGuard implements CanActivate {
  constructor(
    private readonly access: AccountAccessService,
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ principal?: AuthPrincipal; params: Record<string, string> }>();
    const conversationId = request.params.id;
    if (!conversationId || !request.principal) {
      return true;
    }
    const accountIds = await this.access.accessibleAccountIds(request.principal);
    if (accountIds === null) {
      return true;
    }
    const [row] = await this.dataSource.query(
      `SELECT 1 FROM conversation WHERE id::text = $1 AND organization_id = $2 AND channel_account_id = ANY($3::uuid[])`,
      [conversationId, request.principal.organizationId, accountIds],
    );
    if (!row) {
      throw new DomainError(ErrorCode.ConversationNotFound);
    }
    return true;
  }
}
