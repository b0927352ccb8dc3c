// Firebase Cloud Messaging legacy server keys: `AAAA` + 7 base64url + `:APA91b` + ~134 base64url characters.
// (Firebase service-account JSON is the GCP rule's.) https://firebase.google.com/docs/cloud-messaging/auth-server
import type { CredentialRule } from '../../src/core/types.js';

export const fcmServerKey: CredentialRule = {
  meta: {
    id: 'firebase-fcm-server-key',
    title: 'Firebase Cloud Messaging server key',
    severity: 'high',
    summary: 'Firebase Cloud Messaging legacy server key (AAAA…:APA91b…): sends push notifications to every app user.',
    provider: 'firebase',
    credentialType: 'fcm-server-key',
    help: {
      why: 'The legacy server key lets anyone send push notifications to every installation of the app — phishing the whole user base from a trusted sender.',
      fix: 'Delete the key in the Firebase console (Project settings → Cloud Messaging), migrate to the HTTP v1 API with short-lived OAuth tokens, and keep credentials in a secret store.',
      references: ['https://firebase.google.com/docs/cloud-messaging/auth-server', 'https://firebase.google.com/docs/cloud-messaging/migrate-v1'],
    },
  },
  keywords: ['apa91b'],
  pattern: /(?<![\w-])(AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{120,160})(?![\w-])/,
  secretGroup: 1,
  examples: {
    positive: ['FCM_SERVER_KEY=AAAAU-wj2cb:APA91bRH6hJeGKTCKW9eAtVvKcvJhN5Xb0BvdehTAn8GSGrsnUeDMxq9gbMX_pIYSJtRpdx7-97OVshENd74vW5ejVc4x6nKpgUTl-GCyOfrzqms1N-ZO8adf8eu6tGZu3CoGyJTn_gk'],
    negative: ['AAAApBW9k94:APA91bwcpjbp3H4cljgm9KF1jsZauju6cuKw89FGhZ-fgu', 'FCM_SENDER_ID=426171765560'],
  },
};

export default [fcmServerKey];
