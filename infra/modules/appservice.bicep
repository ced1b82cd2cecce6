// The Linux App Service plan, the Java SE web app that runs bot/target/callcodes-bot.jar, and CPU-based autoscale.
// App settings are not set here: main.bicep writes them once the web app's identity can read the key vault.

@description('Name of the web app; also the first label of its default host name.')
param webAppName string

@description('Name of the App Service plan.')
param planName string

@description('Name of the autoscale setting.')
param autoscaleName string

@description('App Service plan SKU. Autoscale needs Standard (S1) or higher, e.g. P0v3.')
param skuName string

@description('Fewest instances autoscale keeps.')
param minimumInstances int

@description('Most instances autoscale adds.')
param maximumInstances int

@description('Average CPU percentage over 10 minutes above which one instance is added.')
param scaleOutCpuPercentage int

@description('Average CPU percentage over 10 minutes below which one instance is removed.')
param scaleInCpuPercentage int

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    // Autoscale owns the count afterwards; a redeployment sets it back to the minimum until autoscale next acts.
    capacity: minimumInstances
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    // Resolves the Key Vault reference for MicrosoftAppPassword; no credential to store or rotate.
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // The bot keeps no state between turns, so requests need not stick to one instance.
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'JAVA|17-java17'
      // Otherwise App Service unloads an idle app and the next Teams message waits for a JVM to start, while Teams
      // gives a bot a few seconds to answer.
      alwaysOn: true
      // Readiness, not liveness: it is UP only once the catalog is loaded, so a new or failing instance stays out of
      // the load balancer until it can answer.
      healthCheckPath: '/actuator/health/readiness'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

resource autoscale 'Microsoft.Insights/autoscalesettings@2022-10-01' = {
  name: autoscaleName
  location: location
  tags: tags
  properties: {
    name: autoscaleName
    enabled: true
    targetResourceUri: plan.id
    profiles: [
      {
        name: 'cpu'
        capacity: {
          minimum: string(minimumInstances)
          maximum: string(maximumInstances)
          default: string(minimumInstances)
        }
        rules: [
          {
            metricTrigger: {
              metricName: 'CpuPercentage'
              metricNamespace: 'microsoft.web/serverfarms'
              metricResourceUri: plan.id
              timeGrain: 'PT1M'
              statistic: 'Average'
              timeWindow: 'PT10M'
              timeAggregation: 'Average'
              operator: 'GreaterThan'
              threshold: scaleOutCpuPercentage
            }
            scaleAction: {
              direction: 'Increase'
              type: 'ChangeCount'
              value: '1'
              cooldown: 'PT5M'
            }
          }
          {
            metricTrigger: {
              metricName: 'CpuPercentage'
              metricNamespace: 'microsoft.web/serverfarms'
              metricResourceUri: plan.id
              timeGrain: 'PT1M'
              statistic: 'Average'
              timeWindow: 'PT10M'
              timeAggregation: 'Average'
              operator: 'LessThan'
              threshold: scaleInCpuPercentage
            }
            scaleAction: {
              direction: 'Decrease'
              type: 'ChangeCount'
              value: '1'
              // Slower in than out: a JVM instance takes a while to start, so keep it through short lulls.
              cooldown: 'PT10M'
            }
          }
        ]
      }
    ]
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
output principalId string = site.identity.principalId
