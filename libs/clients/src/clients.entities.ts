import { Client } from './client.entity';

export const CLIENT_ENTITIES = [Client];
