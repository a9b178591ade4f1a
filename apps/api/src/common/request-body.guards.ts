import { BadRequestException } from '@nestjs/common';
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';

/** Deeper JSON than any endpoint accepts; recursive validators would overflow the stack long before 10 000 levels. */
export const MAX_BODY_DEPTH = 32;

/**
 * Runs right after the body parsers (which keep the exact bytes as rawBody): refuses bodies that
 * are not UTF-8 and JSON nested deeper than MAX_BODY_DEPTH, before any handler, pipe or signature check.
 */
export function rejectHostileBodies(req: IncomingMessage & { rawBody?: Buffer; body?: unknown }, _res: unknown, next: (error?: unknown) => void): void {
  if (req.rawBody && !isUtf8(req.rawBody)) return next(new BadRequestException('İstek gövdesi geçerli UTF-8 değil / Request body is not valid UTF-8'));
  if (depthExceeds(req.body, MAX_BODY_DEPTH)) {
    return next(new BadRequestException(`İstek gövdesi çok iç içe / Request body is nested deeper than ${MAX_BODY_DEPTH} levels`));
  }
  next();
}

/** Iterative, so the check itself cannot overflow the stack. */
export function depthExceeds(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}
