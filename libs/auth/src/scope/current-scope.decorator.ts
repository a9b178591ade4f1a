import type { ExecutionContext } from '@nestjs/common';
import { applyDecorators, createParamDecorator, UseGuards } from '@nestjs/common';
import { AccountScope } from './account-scope';
import { AccountScopeGuard } from './account-scope.guard';

/** The caller's AccountScope, resolved by AccountScopeGuard (put @Scoped() on the controller). */
export const CurrentScope = createParamDecorator((_: unknown, ctx: ExecutionContext): AccountScope => {
  const scope = ctx.switchToHttp().getRequest().accountScope;
  // A programming error, not a caller's: the route reads a scope that no guard resolved.
  if (!(scope instanceof AccountScope)) {
    throw new Error('@CurrentScope() needs @Scoped() on the controller or route');
  }
  return scope;
});

/** The controller's routes resolve the caller's account grants before the handler runs. */
export const Scoped = () => applyDecorators(UseGuards(AccountScopeGuard));
