// AMQP (RabbitMQ, CloudAMQP) URLs with an inline password. https://www.rabbitmq.com/docs/uri-spec
import { connectionUrlRule } from './shared.js';

export const amqpConnectionUrl = connectionUrlRule({
  id: 'amqp-connection-url',
  provider: 'rabbitmq',
  title: 'AMQP (RabbitMQ) connection URL',
  schemes: 'amqps?',
  keywords: ['amqp'],
  severity: 'medium',
  help: {
    why: 'An AMQP URL with a password connects as that broker user; with configure permissions on the vhost it can delete queues and exchanges and purge their messages.',
    fix: 'Change the user\'s password (`rabbitmqctl change_password`), keep the URL in a secret store, and limit the user\'s configure/write/read permissions to the queues it uses.',
    references: ['https://www.rabbitmq.com/docs/uri-spec', 'https://www.rabbitmq.com/docs/access-control'],
  },
  examples: {
    positive: ['CLOUDAMQP_URL=amqps://orders:7DD5qQdJFr6UnDh2ERHb@rattlesnake.rmq.cloudamqp.com/orders'],
    negative: ['AMQP_URL=amqp://guest:guest@localhost:5672/', 'AMQP_URL=amqp://orders@rabbit:5672/', 'AMQP_URL=amqp://orders:{{ rabbit_password }}@rabbit:5672/'],
  },
});

export default [amqpConnectionUrl];
