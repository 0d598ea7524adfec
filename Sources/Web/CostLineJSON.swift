import Advisor

// The cost table of `/api/assess` written by `JSONWriter` (AssessmentJSON.swift says the rules): about 28 lines a
// document, most of its bytes. Keys in `JSONEncoder`'s sorted order; the synthesized encoders' nil optionals left
// out, `ModelStatus`'s written as `null`.

extension JSONWriter {
    mutating func write(_ line: CostLine) {
        object { json in
            json.field("cache_usd", line.cache_usd)
            if let capacity = line.capacity {
                json.key("capacity")
                json.write(capacity)
            }
            json.field("fits", line.fits)
            json.field("gpu_usd", line.gpu_usd)
            json.field("hosting", line.hosting)
            json.field("input_usd", line.input_usd)
            if let latency = line.latency {
                json.key("latency")
                json.object { json in
                    json.field("budget_ms", latency.budget_ms)
                    json.fieldIfPresent("ms", latency.ms)
                    json.fieldIfPresent("percentile", latency.percentile)
                    json.field("verdict", latency.verdict)
                }
            }
            json.field("model", line.model)
            json.field("monthly_usd", line.monthly_usd)
            if let next = line.next_prices {
                json.key("next_prices")
                json.object { json in
                    json.field("monthly_usd", next.monthly_usd)
                    json.field("since", next.since)
                }
            }
            json.field("ops_usd", line.ops_usd)
            json.field("output_usd", line.output_usd)
            json.fieldIfPresent("prices_checked", line.prices_checked)
            json.key("rates")
            json.write(line.rates)
            json.fieldIfPresent("rejects_forced_tool_calls", line.rejects_forced_tool_calls)
            json.key("status")
            json.object { json in
                json.key("replacement")
                json.string(line.status.replacement)
                json.key("retires")
                json.string(line.status.retires)
                json.field("since", line.status.since)
                json.field("state", line.status.state)
            }
            json.field("title", line.title)
            json.field("url", line.url)
            json.field("within_headroom", line.within_headroom)
        }
    }

    mutating func write(_ r: CostRates) {
        object { json in
            json.fieldIfPresent("band", r.band)
            if let classes = r.batch_applies_to {
                json.key("batch_applies_to")
                json.array(classes) { $0.string($1.rawValue) }
            }
            json.fieldIfPresent("batch_discount", r.batch_discount)
            json.fieldIfPresent("cache_min_tokens", r.cache_min_tokens)
            json.fieldIfPresent("cache_read_per_mtok", r.cache_read_per_mtok)
            json.fieldIfPresent("cache_ttl", r.cache_ttl)
            json.fieldIfPresent("cache_write_per_mtok", r.cache_write_per_mtok)
            json.fieldIfPresent("cache_writes_per_month", r.cache_writes_per_month)
            json.fieldIfPresent("caching", r.caching)
            json.fieldIfPresent("developer_hourly_usd", r.developer_hourly_usd)
            json.fieldIfPresent("gpu_hour_usd", r.gpu_hour_usd)
            json.fieldIfPresent("gpu_hours", r.gpu_hours)
            json.fieldIfPresent("input_per_mtok", r.input_per_mtok)
            json.field("input_tokens", r.input_tokens)
            json.field("input_tokens_per_request", r.input_tokens_per_request)
            json.fieldIfPresent("long_context_counted", r.long_context_counted)
            json.fieldIfPresent("long_context_threshold", r.long_context_threshold)
            json.fieldIfPresent("min_gpus", r.min_gpus)
            json.key("notes")
            json.array(r.notes) { $0.string($1) }
            json.fieldIfPresent("ops_hours_per_month", r.ops_hours_per_month)
            json.fieldIfPresent("output_per_mtok", r.output_per_mtok)
            json.field("output_tokens", r.output_tokens)
            json.field("output_tokens_per_request", r.output_tokens_per_request)
            json.fieldIfPresent("reasoning_effort", r.reasoning_effort)
            json.fieldIfPresent("reasoning_effort_lowered_from", r.reasoning_effort_lowered_from)
            json.field("reasoning_tokens_assumed", r.reasoning_tokens_assumed)
            json.field("reasoning_tokens_per_request", r.reasoning_tokens_per_request)
            json.field("token_ratio", r.token_ratio)
            json.field("token_ratio_published", r.token_ratio_published)
            json.fieldIfPresent("tokens_per_second", r.tokens_per_second)
            json.fieldIfPresent("tool_prompt_tokens_per_request", r.tool_prompt_tokens_per_request)
            json.field("window_use", r.window_use)
        }
    }

    mutating func write(_ c: Capacity) {
        object { json in
            json.fieldIfPresent("account_daily_requests", c.account_daily_requests)
            json.fieldIfPresent("account_monthly_usd", c.account_monthly_usd)
            json.fieldIfPresent("cache_reads_excluded", c.cache_reads_excluded)
            json.field("daily_requests", c.daily_requests)
            json.fieldIfPresent("gap", c.gap)
            json.fieldIfPresent("max_request_seconds", c.max_request_seconds)
            json.field("model", c.model)
            json.field("peak_itpm", c.peak_itpm)
            json.field("peak_otpm", c.peak_otpm)
            json.field("peak_rpm", c.peak_rpm)
            json.fieldIfPresent("requires", c.requires)
            json.fieldIfPresent("scheme_kind", c.scheme_kind)
            json.fieldIfPresent("scheme_since", c.scheme_since)
            json.fieldIfPresent("slow_request_seconds", c.slow_request_seconds)
            json.field("status", c.status)
            json.fieldIfPresent("tier", c.tier)
            json.fieldIfPresent("top_tier", c.top_tier)
            json.fieldIfPresent("via_batch_api", c.via_batch_api)
        }
    }
}
