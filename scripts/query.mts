import { openReadOnly } from '../pipelines/run';
const { conn } = await openReadOnly(process.argv[2]);
for (const sql of process.argv.slice(3)) console.table((await conn.runAndReadAll(sql)).getRowObjectsJson());
