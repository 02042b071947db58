// The container apps environment and Workshopplanner's container app: https ingress, at least two
// replicas, health probes on /api/health, and the user-assigned managed identity with which the
// app pulls its image and signs in to Entra ID (a federated credential on the Entra app: no
// client secret anywhere).
param environmentName string
param appName string
param location string
param logAnalyticsWorkspaceName string
param containerImage string
param registryLoginServer string
param identityId string
param identityClientId string
param customPublicUrl string
param tenantId string
param clientId string
param allowedTenantIds string
param sharePointSite string
param minReplicas int
param maxReplicas int
param syncIntervalSeconds int

var port = 3000

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: logAnalyticsWorkspaceName
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: environmentName
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
  }
}

// The app's own address is <app name>.<the environment's default domain>: known before the app
// exists, so the server gets its PUBLIC_URL in the same deployment.
var publicUrl = empty(customPublicUrl)
  ? 'https://${appName}.${environment.properties.defaultDomain}'
  : customPublicUrl

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: appName
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: port
        transport: 'auto'
        allowInsecure: false
      }
      registries: [
        {
          server: registryLoginServer
          identity: identityId
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'workshopplanner'
          image: containerImage
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: [
            { name: 'NODE_ENV', value: 'production' }
            { name: 'HOST', value: '0.0.0.0' }
            { name: 'PORT', value: string(port) }
            { name: 'PUBLIC_URL', value: publicUrl }
            { name: 'AUTHORITY_HOST', value: 'https://login.microsoftonline.com' }
            { name: 'TENANT_ID', value: tenantId }
            { name: 'CLIENT_ID', value: clientId }
            { name: 'ALLOWED_TENANT_IDS', value: allowedTenantIds }
            // The Entra app's credential is this managed identity's token (federated credential).
            { name: 'CLIENT_CREDENTIAL', value: 'managedIdentity' }
            { name: 'MANAGED_IDENTITY_CLIENT_ID', value: identityClientId }
            { name: 'GRAPH_BASE_URL', value: 'https://graph.microsoft.com/v1.0' }
            { name: 'SHAREPOINT_SITE', value: sharePointSite }
            { name: 'SYNC_INTERVAL_SECONDS', value: string(syncIntervalSeconds) }
            { name: 'LOG_LEVEL', value: 'info' }
          ]
          probes: [
            {
              type: 'Startup'
              httpGet: { path: '/api/health', port: port }
              periodSeconds: 5
              failureThreshold: 24
            }
            {
              type: 'Liveness'
              httpGet: { path: '/api/health', port: port }
              periodSeconds: 30
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: { path: '/api/health', port: port }
              periodSeconds: 10
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http'
            http: {
              metadata: {
                concurrentRequests: '50'
              }
            }
          }
        ]
      }
    }
  }
}

output publicUrl string = publicUrl
output appName string = app.name
