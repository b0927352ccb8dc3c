// MongoDB connection strings with an inline password (mongodb:// and mongodb+srv://, possibly several hosts).
// https://www.mongodb.com/docs/manual/reference/connection-string/
import { connectionUrlRule } from './shared.js';

export const mongodbConnectionUrl = connectionUrlRule({
  id: 'mongodb-connection-url',
  provider: 'mongodb',
  title: 'MongoDB connection string',
  schemes: String.raw`mongodb(?:\+srv)?`,
  keywords: ['mongodb'],
  help: {
    why: 'A connection string with a password authenticates as that database user; Atlas users created with "Atlas admin" or `readWriteAnyDatabase` can drop every database in the cluster.',
    fix: 'Rotate the user\'s password (Atlas → Database Access, or `db.changeUserPassword`), keep the string in a secret store, and give applications `readWrite` on their own database only.',
    references: ['https://www.mongodb.com/docs/manual/reference/connection-string/', 'https://www.mongodb.com/docs/atlas/security-add-mongodb-users/'],
  },
  examples: {
    positive: [
      'MONGODB_URI=mongodb+srv://orders-svc:7DD5qQdJFr6UnDh2ERHb@cluster0.q1w2e3.mongodb.net/orders?retryWrites=true&w=majority',
      'MONGO_URL="mongodb://admin:2SE37aaWguHWxo3AKQ@mongo-0.mongo:27017,mongo-1.mongo:27017/admin?replicaSet=rs0"',
    ],
    negative: ['MONGODB_URI=mongodb+srv://orders-svc:<password>@cluster0.q1w2e3.mongodb.net/', 'MONGODB_URI=mongodb://localhost:27017/orders', 'mongodb://user:pass@localhost'],
  },
});

export default [mongodbConnectionUrl];
