namespace UcgSim.Configuration;

/// <summary>
/// A setting that cannot act where it is used, though it may act elsewhere: a lever that has no effect in one
/// scenario of an experiment but may in another. Located like a <see cref="ConfigurationException"/>, e.g.
/// <c>configs/variants/default.yaml:42:5: lever 'interventionThreat' of variant 'harsh' cannot act in scenario ...</c>
/// </summary>
/// <param name="FilePath">The file that wrote the setting.</param>
/// <param name="Line">The 1-based line of its key.</param>
/// <param name="Column">The 1-based column of its key.</param>
/// <param name="Key">The setting's key.</param>
/// <param name="Message">The location, what will happen and how to fix it.</param>
public sealed record ConfigurationWarning(string FilePath, int Line, int Column, string Key, string Message);
