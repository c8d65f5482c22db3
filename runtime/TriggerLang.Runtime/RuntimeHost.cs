using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using TriggerLang.Compiler.Plugins;
using TriggerLang.Plugins.Hosting;
using TriggerLang.Runtime.Api;
using TriggerLang.Runtime.Delivery;
using TriggerLang.Runtime.Ingest;
using TriggerLang.Runtime.Processing;
using TriggerLang.Runtime.Scheduling;
using TriggerLang.Runtime.Storage;
using TriggerLang.Runtime.Storage.Sqlite;

namespace TriggerLang.Runtime;

/// <summary>
/// Builds the live runtime (<c>trig run</c>): an ASP.NET Core host configured the usual .NET way — appsettings.json
/// in the working folder, environment variables (<c>TRIG_</c> prefix or none, <c>__</c> for <c>:</c>), command-line
/// <c>--Section:Key=value</c> — with the defaults of the embedded setup: the SQLite file <c>trig.db</c> next to the
/// rules, the built-in plugins with the outbox writing to <c>outbox/</c> next to the rules, and
/// <c>http://127.0.0.1:5080</c>.
/// </summary>
public static class RuntimeHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <param name="builtInPlugins">The folder of the plugins that ship with trig, used when no plugins folder is configured.</param>
    /// <param name="clock">The clock (tests pass a fake one).</param>
    /// <param name="configureServices">Changes to the services after the runtime's own (tests: a store that holds up the start-up load).</param>
    public static WebApplication Build(string[] args, string builtInPlugins, TimeProvider? clock = null, Action<IConfigurationBuilder>? configure = null,
        Action<IServiceCollection>? configureServices = null)
    {
        // appsettings.json is read at start, not watched: a watcher on the working folder, which often holds the
        // database and the outbox, would wake on each of their writes (bench/README.md, Live runtime).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false", .. args],
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Configuration.AddEnvironmentVariables("TRIG_");
        configure?.Invoke(builder.Configuration);
        var configuration = builder.Configuration;
        var options = configuration.GetSection("Runtime").Get<RuntimeOptions>() ?? new RuntimeOptions();
        if (Environment.GetEnvironmentVariable(ApiKeys.EnvironmentVariable) is { Length: > 0 } key)
        {
            options.ApiKeys.Add(key);
        }
        var keys = new ApiKeys(options.ApiKeys);
        if (keys.IsEmpty)
        {
            throw new RuntimeStartException(
                $"no API key is configured: set {ApiKeys.EnvironmentVariable} (or Runtime:ApiKeys) to the key clients send as `Authorization: Bearer KEY`");
        }
        configuration["PluginHost:Folder"] ??= builtInPlugins;
        configuration["Plugins:outbox:Directory"] ??= Path.Combine(options.Rules, "outbox");
        if (string.IsNullOrEmpty(configuration["urls"]) && string.IsNullOrEmpty(configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        // A start that fails is reported once, by trig run, with what to do; not also as a logged stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes);

        var services = builder.Services;
        clock ??= TimeProvider.System;
        services.AddSingleton(clock);
        services.AddSingleton(options);
        services.AddSingleton(options.Delivery);
        services.AddSingleton<RuntimeMetrics>();
        var database = new Database(options.DatabasePath);
        services.AddSingleton(database);
        // Made by the container, so that it is disposed (its connections closed) after the hosted services stop.
        services.AddSingleton<IRuntimeStore>(_ => new SqliteStore(database));
        services.AddSingleton(provider =>
        {
            var log = provider.GetRequiredService<ILoggerFactory>().CreateLogger("TriggerLang.Plugins");
            var host = PluginHost.Load(PluginHostConfiguration.FromConfiguration(configuration, message => log.LogInformation("{Message}", message)));
            foreach (var problem in host.Problems)
            {
                log.LogError("{Problem}", problem.Message);
            }
            return host;
        });
        services.AddSingleton(provider => new DeliveryQueue(provider.GetRequiredService<PluginHost>(), options.Delivery, clock,
            provider.GetRequiredService<RuntimeMetrics>(), Logger(provider, "TriggerLang.Delivery")));
        services.AddSingleton(provider => new DecisionLoop(provider.GetRequiredService<IRuntimeStore>(), clock, provider.GetRequiredService<DeliveryQueue>(),
            options, provider.GetRequiredService<RuntimeMetrics>(), Logger(provider, "TriggerLang.Decisions")));
        services.AddSingleton(provider =>
        {
            var loop = provider.GetRequiredService<DecisionLoop>();
            return new Inbox(provider.GetRequiredService<IRuntimeStore>(), clock, loop.Accepted);
        });
        services.AddSingleton(provider =>
        {
            var choices = configuration.GetSection("PluginHost:Channels").GetChildren().ToDictionary(c => c.Key, c => c.Value ?? "", StringComparer.Ordinal);
            var (channels, problems) = ChannelCatalogLoader.Load(configuration["PluginHost:Folder"], choices);
            var log = Logger(provider, "TriggerLang.Rules");
            foreach (var problem in problems)
            {
                log.LogError("{Problem}", problem.ToString());
            }
            return new RulesReloader(options, channels, log);
        });
        services.AddSingleton<RuntimeServices>();
        services.AddHostedService<RuntimeService>();
        services.AddQuartz(quartz =>
        {
            quartz.UseTimeProvider(clock);
            quartz.UsePersistentStore(store =>
            {
                store.UseSqlite(database.ConnectionString);
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
            });
            quartz.ScheduleJob<SweepJob>(trigger => trigger
                .WithIdentity("sweep-due-sends")
                .StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(options.SweepEvery).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
                job => job.WithIdentity("sweep-due-sends"));
            quartz.ScheduleJob<MaintenanceJob>(trigger => trigger
                .WithIdentity("maintenance")
                .WithCronSchedule("0 7 * * * ?"),
                job => job.WithIdentity("maintenance"));
        });
        services.AddQuartzHostedService(quartz => quartz.WaitForJobsToComplete = true);
        configureServices?.Invoke(services);

        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            if (context.Request.Path != "/healthz" && !keys.Accepts(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await context.Response.WriteAsJsonAsync(new { error = "send the API key as `Authorization: Bearer KEY`" });
                return;
            }
            await next(context);
        });
        Endpoints.Map(app);
        return app;
    }

    private static ILogger Logger(IServiceProvider provider, string category) => provider.GetRequiredService<ILoggerFactory>().CreateLogger(category);
}
