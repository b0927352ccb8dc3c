// Every GraphQL document the Railway live resolver may send: queries only. The allowlist holds these exact texts, and
// a test validates each against Railway's published schema (test/data/railway-schema.json).
// https://docs.railway.com/reference/public-api

const ENVIRONMENT = `fragment BlastradiusEnvironment on Environment {
  id
  name
  volumeInstances(first: 50) {
    edges {
      node {
        id
        mountPath
        currentSizeMB
        serviceId
        volume {
          id
          name
        }
      }
    }
  }
  serviceInstances(first: 50) {
    edges {
      node {
        id
        serviceId
        serviceName
      }
    }
  }
}`;

const PROJECT = `fragment BlastradiusProject on Project {
  id
  name
  environments(first: 50) {
    edges {
      node {
        ...BlastradiusEnvironment
      }
    }
  }
}`;

export const RAILWAY_QUERIES = {
  /** Which workspaces an account or workspace token (sent as Bearer) reaches. */
  BlastradiusApiToken: `query BlastradiusApiToken {
  apiToken {
    workspaces {
      id
      name
    }
  }
}`,
  /** Answers for account tokens; workspace tokens are refused ("Not Authorized"). */
  BlastradiusMe: `query BlastradiusMe {
  me {
    id
    name
    email
  }
}`,
  /** Answers for project tokens (sent in the Project-Access-Token header). */
  BlastradiusProjectToken: `query BlastradiusProjectToken {
  projectToken {
    projectId
    environmentId
  }
}`,
  /** An account token's projects, one workspace at a time. */
  BlastradiusWorkspaceProjects: `query BlastradiusWorkspaceProjects($workspaceId: String!) {
  workspace(workspaceId: $workspaceId) {
    id
    name
    projects(first: 50) {
      edges {
        node {
          ...BlastradiusProject
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
}
${PROJECT}
${ENVIRONMENT}`,
  /** A workspace token's projects. */
  BlastradiusProjects: `query BlastradiusProjects {
  projects(first: 50) {
    edges {
      node {
        ...BlastradiusProject
      }
    }
    pageInfo {
      hasNextPage
    }
  }
}
${PROJECT}
${ENVIRONMENT}`,
  /** The one environment a project token reaches. */
  BlastradiusProjectEnvironment: `query BlastradiusProjectEnvironment($projectId: String!, $environmentId: String!) {
  project(id: $projectId) {
    id
    name
  }
  environment(id: $environmentId, projectId: $projectId) {
    ...BlastradiusEnvironment
  }
}
${ENVIRONMENT}`,
  /** The backups of one volume instance (Railway stores them with the volume). */
  BlastradiusVolumeBackups: `query BlastradiusVolumeBackups($volumeInstanceId: String!) {
  volumeInstanceBackupList(volumeInstanceId: $volumeInstanceId) {
    id
    name
    createdAt
    expiresAt
    usedMB
  }
}`,
} as const;

export type RailwayOperation = keyof typeof RAILWAY_QUERIES;
