using UcgSim.Cli;

return UcgSimCommandLine.Invoke(args, Terminal.Console);
