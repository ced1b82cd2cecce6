// Application Insights for the bot, backed by a Log Analytics workspace: classic (non-workspace) Application Insights
// is retired, so a workspace is needed either way. Pass an existing workspace to share one.

@description('Name of the Application Insights resource.')
param appInsightsName string

@description('Name of the Log Analytics workspace to create when existingWorkspaceId is empty.')
param workspaceName string

@description('Resource ID of an existing Log Analytics workspace; empty creates one.')
param existingWorkspaceId string = ''

@description('Days a new workspace keeps data.')
param retentionInDays int

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = if (empty(existingWorkspaceId)) {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: empty(existingWorkspaceId) ? workspace.id : existingWorkspaceId
  }
}

output name string = appInsights.name
output connectionString string = appInsights.properties.ConnectionString
