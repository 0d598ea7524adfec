import Foundation

/// The `engine.evaluation` block of criteria/_index.md: how sure the evaluation plan wants to be, and the error
/// rate each `accuracy` answer tolerates.
public struct EvaluationSettings: Codable, Sendable, Equatable {
    /// Two-sided significance level (0.05).
    public var alpha: Double
    /// The chance of detecting a real difference of the planned size (0.8).
    public var power: Double
    /// By `accuracy` answer: the share of wrong answers the user can live with.
    public var tolerated_error: [String: Double]

    public init(alpha: Double, power: Double, tolerated_error: [String: Double]) {
        self.alpha = alpha
        self.power = power
        self.tolerated_error = tolerated_error
    }
}

/// How many samples tell two error rates apart: the standard two-proportion sample-size formula (Fleiss; the one in
/// most statistics texts), per candidate model, for a two-sided test:
///
///     n = ( z(1-α/2)·√(2·p̄·(1-p̄)) + z(1-β)·√(p1·(1-p1) + p2·(1-p2)) )² / (p2 - p1)²,   p̄ = (p1 + p2) / 2
///
/// p1 is the tolerated error rate and p2 twice it: a model that makes mistakes twice as often as you accept must
/// not pass by luck. `lines` writes the arithmetic out so that a reader can redo it.
public struct SampleSize: Sendable, Equatable {
    public let tolerance: Double
    public let p1: Double
    public let p2: Double
    public let alpha: Double
    public let power: Double
    public let zAlpha: Double
    public let zBeta: Double
    /// Samples per candidate, rounded up.
    public let perModel: Int

    /// - Precondition: 0 < tolerance < 0.5, 0 < alpha < 1, 0 < power < 1 (the engine checks the content).
    public init(tolerance: Double, alpha: Double, power: Double) {
        self.tolerance = tolerance
        p1 = tolerance
        p2 = 2 * tolerance
        self.alpha = alpha
        self.power = power
        zAlpha = Self.normalQuantile(1 - alpha / 2)
        zBeta = Self.normalQuantile(power)
        let mean = (p1 + p2) / 2
        let root = zAlpha * (2 * mean * (1 - mean)).squareRoot() + zBeta * (p1 * (1 - p1) + p2 * (1 - p2)).squareRoot()
        perModel = Int((root * root / ((p2 - p1) * (p2 - p1))).rounded(.up))
    }

    /// The arithmetic, one step a line, in the formula's order.
    public var lines: [String] {
        let mean = (p1 + p2) / 2
        let a = (2 * mean * (1 - mean)).squareRoot(), b = (p1 * (1 - p1) + p2 * (1 - p2)).squareRoot()
        let root = zAlpha * a + zBeta * b
        func f(_ x: Double, _ digits: Int = 4) -> String { String(format: "%.\(digits)f", x) }
        return [
            "p1 = \(f(p1, 3)) (the error rate you tolerate), p2 = 2 × p1 = \(f(p2, 3)), p̄ = (p1 + p2) / 2 = \(f(mean, 4))",
            "alpha = \(f(alpha, 2)) two-sided: z(1 - alpha/2) = \(f(zAlpha)); power = \(f(power, 2)): z(power) = \(f(zBeta))",
            "√(2·p̄·(1 - p̄)) = \(f(a)); √(p1·(1 - p1) + p2·(1 - p2)) = \(f(b))",
            "n = (\(f(zAlpha)) × \(f(a)) + \(f(zBeta)) × \(f(b)))² / (\(f(p2, 3)) - \(f(p1, 3)))² = \(f(root * root, 6)) / \(f((p2 - p1) * (p2 - p1), 6)) = \(f(root * root / ((p2 - p1) * (p2 - p1)), 1)) → \(perModel) samples per model",
        ]
    }

    /// The standard normal quantile (inverse CDF), Acklam's rational approximation refined by one Halley step:
    /// about 1e-15 relative error, more than any sample size needs.
    public static func normalQuantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "a quantile needs 0 < p < 1")
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
                 -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                 -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
                 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        var x: Double
        if p < low {
            let q = (-2 * Foundation.log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5, r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * Foundation.log(1 - p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let e = 0.5 * erfc(-x / 2.0.squareRoot()) - p
        let u = e * (2 * Double.pi).squareRoot() * Foundation.exp(x * x / 2)
        return x - u / (1 + x * u / 2)
    }
}

extension Knowledge {
    /// The sample size for these answers' accuracy, or nil when the content gives no evaluation settings.
    public func sampleSize(for answers: Answers) -> SampleSize? {
        guard let settings = settings.evaluation, case .text(let accuracy) = answers[.accuracy],
              let tolerance = settings.tolerated_error[accuracy] else { return nil }
        return SampleSize(tolerance: tolerance, alpha: settings.alpha, power: settings.power)
    }
}
