export * from './deal-totals';
export * from './pipeline-report';
export * from './forecast-report';
export * from './conversion-report';
export * from './campaign-report';
export * from './win-rate-report';
export * from './sales-cycle-report';
export * from './stale-deals-report';
