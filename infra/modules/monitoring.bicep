// Log Analytics for the container apps environment: the server's stdout (pino JSON lines, no
// names, addresses or tokens) and the platform's logs. Kept for logRetentionDays, which the
// privacy statement (/privacy) states: 30 days in this installation.
param name string
param location string

@minValue(30)
@maxValue(730)
param retentionInDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: name
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

output customerId string = workspace.properties.customerId
output name string = workspace.name
