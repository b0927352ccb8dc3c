// Live (--live) resolvers, one per provider, in the order the plan lists them. Each declares its allowlist entries.
import type { AllowRule, LiveResolver } from '../../../src/live/types.js';
import railway from './railway.js';
import github from './github.js';
import cloudflare from './cloudflare.js';
import stripe from './stripe.js';
import slack from './slack.js';
import vercel from './vercel.js';
import digitalocean from './digitalocean.js';
import npm from './npm.js';
import supabase from './supabase.js';
import openai from './openai.js';
import anthropic from './anthropic.js';
import aws from './aws.js';
import postgres from './postgres.js';

export const liveResolvers: LiveResolver[] = [railway, github, cloudflare, stripe, slack, vercel, digitalocean, npm, supabase, openai, anthropic, aws, postgres];

/** Every request the live stage may make: each module's own entries (an entry for another provider is dropped), frozen. */
export const ALLOWLIST: readonly AllowRule[] = Object.freeze(
  liveResolvers.flatMap((r) =>
    r.allow.filter((rule) => rule.provider === r.provider.id).map((rule) => Object.freeze({ ...rule, ...(rule.params ? { params: Object.freeze({ ...rule.params }) } : {}) })),
  ),
);
