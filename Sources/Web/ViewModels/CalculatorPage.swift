/// The cost calculator (`calculator.mustache`): the form, and once the answers are valid, the priced workload.
struct CalculatorPage: ViewModel {
    let fields: [FormField]
    let formError: String
    /// Nil when the answers do not validate: the page shows the form and the error only.
    let priced: PricedWorkload?

    struct PricedWorkload {
        let workload: String
        let costs: [CostRow]
        let chart: CostChartView
        let exportMarkdown: String
        let exportCSV: String
        /// False for the bare `/calculator`, which prices the defaults below the form rather than above it.
        let asked: Bool
    }

    func child(named name: String) -> Any? {
        switch name {
        case "fields": fields
        case "form_error": present(formError)
        case "priced": priced?.asked
        case "workload": priced.flatMap { present($0.workload) }
        case "costs": priced?.costs
        case "export_md": priced.flatMap { present($0.exportMarkdown) }
        case "export_csv": priced.flatMap { present($0.exportCSV) }
        default: priced?.chart.child(named: name)
        }
    }
}
