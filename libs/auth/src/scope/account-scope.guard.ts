import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { AccountAccessService } from '../account-access.service';

/**
 * Resolves the caller's AccountScope once per request (request.accountScope) for @CurrentScope().
 * Runs after the global AuthGuard; public routes have no principal and get no scope.
 */
@Injectable()
export class AccountScopeGuard implements CanActivate {
  constructor(private readonly access: AccountAccessService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    await this.access.scopeOfRequest(context.switchToHttp().getRequest());
    return true;
  }
}
