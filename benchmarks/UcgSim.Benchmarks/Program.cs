using BenchmarkDotNet.Running;
using UcgSim.Benchmarks.Kernel;

// --kernel-workload counts what the kernel does instead of timing it (Kernel/KernelWorkload.cs).
if (args is ["--kernel-workload"]) KernelWorkload.Print();
else BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
