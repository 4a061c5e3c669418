import Runner

extension RunPreview {
    /// The plan as a person reads it, or as JSON.
    func print(json: Bool) throws {
        if json {
            try Terminal.json(PlanSummary(plan: plan, jobs: jobs, library: library, providers: providers))
        } else {
            Swift.print(PlanWording.text(for: plan, jobs: jobs, library: library, providers: providers))
        }
    }
}
