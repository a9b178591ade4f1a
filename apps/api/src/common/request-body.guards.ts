import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import { DomainError, ErrorCode } from '@civic/errors';
import { hasUnstorableCharacter, toStorableText } from '@civic/ingest';

/** Deeper JSON than any endpoint accepts; recursive validators would overflow the stack long before 10 000 levels. */
export const MAX_BODY_DEPTH = 32;

/**
 * More keys in one object than any request DTO has (arrays are not counted). 60,000 unknown keys
 * took the validation pipe seconds to refuse, one message per key, with the event loop blocked.
 */
export const MAX_OBJECT_KEYS = 100;

type Checked = IncomingMessage & { rawBody?: Buffer; body?: unknown; query?: unknown };

/**
 * Runs right after the body parsers (which keep the exact bytes as rawBody), before any handler,
 * pipe or signature check: refuses bodies that are not UTF-8, JSON nested deeper than
 * MAX_BODY_DEPTH, objects with more than MAX_OBJECT_KEYS keys, and any body or query string (value
 * or key) and any path holding a NUL or a lone surrogate, which PostgreSQL cannot store: one check
 * for every route and field instead of a 500 wherever such a string reached a query. (A lone
 * surrogate cannot be percent-encoded in a path: its bytes are not UTF-8, and Express refuses them.)
 */
export function rejectHostileBodies(req: Checked, _res: unknown, next: (error?: unknown) => void): void {
  if (req.rawBody && !isUtf8(req.rawBody)) {
    return next(new DomainError(ErrorCode.RequestNotUtf8));
  }
  // A path parameter is decoded only when its route matches; a NUL there (%00) is refused for every route here.
  if (/%00/.test((req.url ?? '').split('?', 1)[0])) {
    return next(new DomainError(ErrorCode.PathHasNul));
  }
  const problem = inputProblem(req.body, 'request body') ?? inputProblem(req.query, 'query string');
  next(problem ?? undefined);
}

type Node = { value: unknown; depth: number; parent: Node | null; key: string | number };

/** The first problem of a parsed body or query, or null. Iterative, so it cannot overflow the stack. */
export function inputProblem(value: unknown, root: 'request body' | 'query string'): DomainError | null {
  const fieldName = (node: Node) => nameOf(node, root);
  const stack: Node[] = [{ value, depth: 0, parent: null, key: '' }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const current = node.value;
    if (typeof current === 'string') {
      if (hasUnstorableCharacter(current)) {
        return unstorableMessage(fieldName(node));
      }
      continue;
    }
    if (typeof current !== 'object' || current === null) {
      continue;
    }
    if (node.depth >= MAX_BODY_DEPTH) {
      return new DomainError(ErrorCode.RequestTooDeep, { maxDepth: MAX_BODY_DEPTH });
    }
    const keys = Object.keys(current);
    if (!Array.isArray(current) && keys.length > MAX_OBJECT_KEYS) {
      return new DomainError(ErrorCode.RequestTooManyKeys, {
        max: MAX_OBJECT_KEYS,
        field: fieldName(node),
        count: keys.length,
      });
    }
    for (const key of keys) {
      const child: Node = {
        value: (current as Record<string, unknown>)[key],
        depth: node.depth + 1,
        parent: node,
        key: Array.isArray(current) ? Number(key) : key,
      };
      if (hasUnstorableCharacter(key)) {
        return unstorableMessage(`${fieldName(child)} (its name)`);
      }
      stack.push(child);
    }
  }
  return null;
}

/** Iterative, so the check itself cannot overflow the stack. */
export function depthExceeds(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) {
      continue;
    }
    if (depth >= limit) {
      return true;
    }
    for (const child of Object.values(current)) {
      stack.push([child, depth + 1]);
    }
  }
  return false;
}

function unstorableMessage(field: string): DomainError {
  return new DomainError(ErrorCode.UnstorableCharacter, { field });
}

/** `template.parameters[1]` as a DTO names it; shortened and cleaned, since the name itself may be hostile. */
function nameOf(node: Node, root: string): string {
  const parts: string[] = [];
  for (let at: Node | null = node; at?.parent; at = at.parent) {
    parts.push(typeof at.key === 'number' ? `[${at.key}]` : `.${at.key}`);
  }
  const name = parts.reverse().join('').replace(/^\./, '') || root;
  return toStorableText(name.length > 80 ? `${name.slice(0, 80)}…` : name);
}
