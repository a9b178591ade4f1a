import { pathMatches } from './fake-twitter-wire';
import type { InjectedTwitterError } from './fake-twitter.types';

/** Errors a test asked the fake X server to answer with, taken by the requests they match. */
export class FakeTwitterErrorInjector {
  private readonly errors: InjectedTwitterError[] = [];

  add(error: InjectedTwitterError): void {
    this.errors.push({ times: 1, ...error });
  }

  /** The error this request gets, or null (skipped requests count down the error's `skip` first). */
  take(method: string, path: string): InjectedTwitterError | null {
    const index = this.errors.findIndex(
      (error) => (!error.method || error.method === method) && (!error.path || pathMatches(error.path, path)),
    );
    if (index < 0) {
      return null;
    }
    const error = this.errors[index];
    if (error.skip) {
      error.skip -= 1;
      return null;
    }
    error.times = (error.times ?? 1) - 1;
    if (error.times <= 0) {
      this.errors.splice(index, 1);
    }
    return error;
  }
}
