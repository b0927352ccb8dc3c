// Every credential rule, in priority order: provider-specific rules first, generic rules last (when two rules match
// the same characters, the earlier one wins). Adding a provider = adding its module and one line here.
import type { CredentialRule } from '../../src/core/types.js';
import github from './github.js';
import railway from './railway.js';
// group A: cloud, hosting, databases, source hosting, CI, registries
import aws from './aws.js';
import gcp from './gcp.js';
import azure from './azure.js';
import vercel from './vercel.js';
import netlify from './netlify.js';
import fly from './fly.js';
import render from './render.js';
import heroku from './heroku.js';
import koyeb from './koyeb.js';
import digitalocean from './digitalocean.js';
import linode from './linode.js';
import hetzner from './hetzner.js';
import cloudflare from './cloudflare.js';
import jdbc from './jdbc.js';
import postgres from './postgres.js';
import mysql from './mysql.js';
import mongodb from './mongodb.js';
import redis from './redis.js';
import rabbitmq from './rabbitmq.js';
import sqlserver from './sqlserver.js';
import clickhouse from './clickhouse.js';
import cockroachdb from './cockroachdb.js';
import snowflake from './snowflake.js';
import supabase from './supabase.js';
import neon from './neon.js';
import planetscale from './planetscale.js';
import mongodbAtlas from './mongodb-atlas.js';
import upstash from './upstash.js';
import turso from './turso.js';
import databricks from './databricks.js';
import gitlab from './gitlab.js';
import bitbucket from './bitbucket.js';
import atlassian from './atlassian.js';
import circleci from './circleci.js';
import buildkite from './buildkite.js';
import terraformCloud from './terraform-cloud.js';
import pulumi from './pulumi.js';
import doppler from './doppler.js';
import vault from './vault.js';
import onepassword from './onepassword.js';
import npm from './npm.js';
import pypi from './pypi.js';
import rubygems from './rubygems.js';
import nuget from './nuget.js';
import docker from './docker.js';
import jfrog from './jfrog.js';
import cratesIo from './crates-io.js';
// (end group A imports)
// group B: payments, messaging, AI, observability, auth, keys, credential files
import privateKeys from './private-keys.js';
import clerk from './clerk.js';
import workos from './workos.js';
import stripe from './stripe.js';
import square from './square.js';
import braintree from './braintree.js';
import shopify from './shopify.js';
import adyen from './adyen.js';
import slack from './slack.js';
import discord from './discord.js';
import telegram from './telegram.js';
import twilio from './twilio.js';
import sendgrid from './sendgrid.js';
import mailgun from './mailgun.js';
import postmark from './postmark.js';
import resend from './resend.js';
import mailchimp from './mailchimp.js';
import msteams from './msteams.js';
import openai from './openai.js';
import anthropic from './anthropic.js';
import googleAi from './google-ai.js';
import mistral from './mistral.js';
import cohere from './cohere.js';
import groq from './groq.js';
import huggingface from './huggingface.js';
import replicate from './replicate.js';
import perplexity from './perplexity.js';
import xai from './xai.js';
import openrouter from './openrouter.js';
import deepseek from './deepseek.js';
import datadog from './datadog.js';
import sentry from './sentry.js';
import newrelic from './newrelic.js';
import grafana from './grafana.js';
import pagerduty from './pagerduty.js';
import honeycomb from './honeycomb.js';
import betterstack from './betterstack.js';
import auth0 from './auth0.js';
import okta from './okta.js';
import firebase from './firebase.js';
import twitter from './twitter.js';
import facebook from './facebook.js';
import linear from './linear.js';
import notion from './notion.js';
import airtable from './airtable.js';
import asana from './asana.js';
import figma from './figma.js';
import postman from './postman.js';
import mapbox from './mapbox.js';
import algolia from './algolia.js';
import contentful from './contentful.js';
import typeform from './typeform.js';
import dropbox from './dropbox.js';
import intercom from './intercom.js';
import hubspot from './hubspot.js';
import zendesk from './zendesk.js';
import npmrc from './npmrc.js';
import pypirc from './pypirc.js';
import netrc from './netrc.js';
import dockerConfig from './docker-config.js';
import kubernetesFiles from './kubernetes.js';
import terraformState from './terraform-state.js';
import jwt from './jwt.js';
import basicAuthUrl from './basic-auth-url.js';
import httpBasicAuth from './http-basic-auth.js';
import httpAuthorization from './http-authorization.js';
import natsNkey from './nats-nkey.js';
import totpSeed from './totp-seed.js';
import sqlPassword from './sql-password.js';
import cliPassword from './cli-password.js';
// (end group B imports)
// generic rules (always last)
import generic from './generic.js';
import assigned from './assigned.js';
// (end generic imports)

export const credentialRules: CredentialRule[] = [
  ...github,
  ...railway,
  // group A
  ...aws,
  ...gcp,
  ...azure,
  ...vercel,
  ...netlify,
  ...fly,
  ...render,
  ...heroku,
  ...koyeb,
  ...digitalocean,
  ...linode,
  ...hetzner,
  ...cloudflare,
  ...jdbc,
  ...postgres,
  ...mysql,
  ...mongodb,
  ...redis,
  ...rabbitmq,
  ...sqlserver,
  ...clickhouse,
  ...cockroachdb,
  ...snowflake,
  ...supabase,
  ...neon,
  ...planetscale,
  ...mongodbAtlas,
  ...upstash,
  ...turso,
  ...databricks,
  ...gitlab,
  ...bitbucket,
  ...atlassian,
  ...circleci,
  ...buildkite,
  ...terraformCloud,
  ...pulumi,
  ...doppler,
  ...vault,
  ...onepassword,
  ...npm,
  ...pypi,
  ...rubygems,
  ...nuget,
  ...docker,
  ...jfrog,
  ...cratesIo,
  // (end group A)
  // group B
  // Private keys first (they span many lines); Clerk and WorkOS before Stripe (same sk_live_/sk_test_ prefixes,
  // told apart by context); credential-file rules after provider rules (a provider token inside .npmrc or a tfstate
  // is reported by its provider); kubeconfig before JWT (service-account tokens are JWTs).
  ...privateKeys,
  ...clerk,
  ...workos,
  ...stripe,
  ...square,
  ...braintree,
  ...shopify,
  ...adyen,
  ...slack,
  ...discord,
  ...telegram,
  ...twilio,
  ...sendgrid,
  ...mailgun,
  ...postmark,
  ...resend,
  ...mailchimp,
  ...msteams,
  ...openai,
  ...anthropic,
  ...googleAi,
  ...mistral,
  ...cohere,
  ...groq,
  ...huggingface,
  ...replicate,
  ...perplexity,
  ...xai,
  ...openrouter,
  ...deepseek,
  ...datadog,
  ...sentry,
  ...newrelic,
  ...grafana,
  ...pagerduty,
  ...honeycomb,
  ...betterstack,
  ...auth0,
  ...okta,
  ...firebase,
  ...twitter,
  ...facebook,
  ...linear,
  ...notion,
  ...airtable,
  ...asana,
  ...figma,
  ...postman,
  ...mapbox,
  ...algolia,
  ...contentful,
  ...typeform,
  ...dropbox,
  ...intercom,
  ...hubspot,
  ...zendesk,
  ...npmrc,
  ...pypirc,
  ...netrc,
  ...dockerConfig,
  ...kubernetesFiles,
  ...terraformState,
  ...jwt,
  ...basicAuthUrl,
  ...httpBasicAuth,
  ...httpAuthorization,
  ...natsNkey,
  ...totpSeed,
  ...sqlPassword,
  ...cliPassword,
  // (end group B)
  // generic (always last)
  ...generic,
  ...assigned,
  // (end generic)
];
