export * from './account-scope';
export * from './account-scope.guard';
export * from './current-scope.decorator';
