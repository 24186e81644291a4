export * from './record-entry.entity';
export * from './record.entities';
export * from './record-entry-input';
export * from './record-entry-view';
export * from './record-visibility';
export * from './record-entries.service';
export * from './record.module';
