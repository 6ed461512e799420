using UcgSim.Core.Scenarios;

namespace UcgSim.Configuration;

/// <summary>
/// One successful coup of the backtest: what the data said at the time (earlier successful coups in the country, the
/// year and so the Council era and regional norms), what happened next (whether another successful coup, or any attempt,
/// followed within each window) and the base-rate baseline (the share of earlier African successful coups followed so).
/// </summary>
public sealed record BacktestCoup(
    CoupEvent Coup, int EarlierCoups, IReadOnlyList<bool> SuccessfulWithin, IReadOnlyList<bool> AttemptWithin,
    IReadOnlyList<double> BaselineSuccessful, IReadOnlyList<double> BaselineAttempt);

/// <summary>
/// The cases of the backtest on the coup data: every successful coup in an African state from <see cref="FromYear"/> whose
/// whole follow-up window ends before the dataset does, and the month-0 scenario the model is given for it.
/// </summary>
public static class CoupBacktest
{
    public const int FromYear = 1990;

    /// <summary>The ECOWAS members by Correlates of War code, whose community holds a strong anti-coup norm from its 2001 protocol.</summary>
    private static readonly HashSet<int> Ecowas = [402, 404, 420, 432, 433, 434, 436, 437, 438, 439, 450, 451, 452, 461, 475];

    private static readonly CoupSubset Africa = new(CoupRegion.Africa, 1946, 9999);

    public static IReadOnlyList<BacktestCoup> Cases(IReadOnlyList<CoupEvent> events, IReadOnlyList<int> windows)
    {
        int lastObserved = events.Max(e => e.MonthIndex);
        int longest = windows.Max();
        var byCountry = events.ToLookup(e => e.Country);
        var african = events.Where(e => e.Successful && Africa.Contains(e)).OrderBy(e => e.MonthIndex).ToList();

        bool Followed(CoupEvent coup, int within, bool anyAttempt) =>
            byCountry[coup.Country].Any(next => (anyAttempt || next.Successful) && next.MonthIndex > coup.MonthIndex && next.MonthIndex <= coup.MonthIndex + within);

        // The historical frequency a forecaster had before the coup's year: earlier African coups whose window had closed.
        double Baseline(CoupEvent coup, int within, bool anyAttempt)
        {
            var known = african.Where(earlier => earlier.MonthIndex + within < coup.Year * 12).ToList();
            return known.Count == 0 ? 0.5 : (double)known.Count(earlier => Followed(earlier, within, anyAttempt)) / known.Count;
        }

        return
        [
            .. african.Where(coup => coup.Year >= FromYear && coup.MonthIndex + longest <= lastObserved).Select(coup => new BacktestCoup(
                coup,
                byCountry[coup.Country].Count(earlier => earlier.Successful && earlier.MonthIndex < coup.MonthIndex),
                [.. windows.Select(w => Followed(coup, w, anyAttempt: false))],
                [.. windows.Select(w => Followed(coup, w, anyAttempt: true))],
                [.. windows.Select(w => Baseline(coup, w, anyAttempt: false))],
                [.. windows.Select(w => Baseline(coup, w, anyAttempt: true))])),
        ];
    }

    /// <summary>
    /// The month-0 scenario for a coup: <paramref name="template"/> (the generic scenario) with the earlier coups the data
    /// count, the Council polarization of the shipped scenarios of the coup's era (0.3 before 2020, as the 2010s
    /// democratic coup; 0.4 from 2020 with the February 2022 rise of 0.3, as Mali 2020; 0.7 from February 2022, as the
    /// generic scenario), and the regional norms of the year (none before the OAU's Lomé declaration of 2000; the AU's
    /// from 2000; with ECOWAS's from its 2001 protocol for its members). Every other condition is the template's.
    /// </summary>
    public static ScenarioConditions Scenario(ScenarioConditions template, BacktestCoup coup)
    {
        var c = coup.Coup;
        const int February2022 = 2022 * 12 + 1;
        var (polarization, shockMonth, shock) =
            c.MonthIndex >= February2022 ? (0.7, (int?)null, 0.0)
            : c.Year >= 2020 ? (0.4, February2022 - c.MonthIndex, 0.3)
            : (0.3, (int?)null, 0.0);
        var regional = c.Year < 2000 ? RegionalSetting.NoAntiUcgNorm
            : c.Year >= 2001 && Ecowas.Contains(c.CowCode) ? RegionalSetting.AfricanUnionAndStrongCommunity
            : RegionalSetting.AfricanUnionOnly;
        return template with
        {
            Name = $"{c.Country} {c.Year}-{c.Month:00}",
            EarlierCoups = Math.Min(coup.EarlierCoups, 20),
            CouncilPolarization = polarization,
            CouncilPolarizationShockMonth = shockMonth,
            CouncilPolarizationShock = shock,
            RegionalSetting = regional,
        };
    }
}
