import 'reflect-metadata';
import { loadDemoData } from './load-demo-data';

// npm run seed: loads the demo data set into DATABASE_URL (idempotent).
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL: required');
  process.exit(1);
}
loadDemoData(url)
  .then((loaded) => console.log(loaded ? 'Demo data loaded.' : 'Demo data already present.'))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
