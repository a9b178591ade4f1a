export enum ExportStatus {
  Queued = 'queued',
  Running = 'running',
  Completed = 'completed',
  Failed = 'failed',
}

export enum ExportFormat {
  Ndjson = 'ndjson',
  Csv = 'csv',
  Pdf = 'pdf',
}
