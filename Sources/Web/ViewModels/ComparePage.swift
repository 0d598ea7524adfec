/// The compare page (`compare.mustache`): the model picker, the cost chart of the default workload, and the
/// chosen models side by side.
struct ComparePage: ViewModel {
    /// Every model, checked when chosen.
    let choices: [ModelChoice]
    let formError: String
    let models: [ModelLink]
    let rows: [CompareRow]
    /// The default workload in words.
    let workload: String
    let chart: CostChartView

    func child(named name: String) -> Any? {
        switch name {
        case "choices": choices
        case "form_error": present(formError)
        case "models": models
        case "rows": rows
        case "workload": present(workload)
        default: chart.child(named: name)
        }
    }
}

/// A model in the picker.
struct ModelChoice: ViewModel {
    let slug: String
    let title: String
    let checked: Bool
    let badge: Badge

    func child(named name: String) -> Any? {
        switch name {
        case "slug": present(slug)
        case "title": present(title)
        case "checked": checked
        case "badge": badge
        default: nil
        }
    }
}

/// A figure across the chosen models, one cell per model.
struct CompareRow: ViewModel {
    let label: String
    let cells: [CompareCell]

    func child(named name: String) -> Any? {
        switch name {
        case "label": present(label)
        case "cells": cells
        default: nil
        }
    }
}

/// One model's value of a figure, formatted.
struct CompareCell: ViewModel {
    let value: String

    func child(named name: String) -> Any? {
        name == "value" ? present(value) : nil
    }
}
