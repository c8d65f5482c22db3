using TriggerLang.Cli;

return TrigCli.Run(args, CliConsole.System);
