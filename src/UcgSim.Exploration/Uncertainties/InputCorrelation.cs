namespace UcgSim.Exploration.Uncertainties;

/// <summary>A rank (Spearman) correlation between two uncertain inputs, by their positions in the experiment's list.</summary>
public sealed record InputCorrelation(int First, int Second, double RankCorrelation);
