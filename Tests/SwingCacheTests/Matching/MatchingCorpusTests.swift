import SwingCache
import SwingCacheTestKit
import Testing

@Suite struct MatchingCorpusTests {
    @Test func theCorpusHasRealisticCasesWithAndWithoutARightCandidate() {
        let cases = MatchingCorpus.cases
        #expect(cases.count >= 40)
        #expect(cases.filter { $0.truth == nil }.count * 5 >= cases.count)
        for sample in cases + MatchingCorpus.unseen + MatchingCorpus.names {
            if let truth = sample.truth {
                let answers = sample.isrcAnswer + sample.textAnswer
                #expect(answers.contains { $0.id == truth }, "\(sample.label): \(truth) is not among the answers")
            }
        }
    }

    @Test func theBenchmarkCountsEveryFileOfTheCorpus() {
        let report = MatchingBenchmark().run()
        print(report.lines.joined(separator: "\n"))
        #expect(report.files == MatchingCorpus.cases.count)
        #expect(report.matched == report.correct + report.wrong.count)
    }

    @Test func theMatcherMakesNoWrongMatchOnTheCorpus() {
        let report = MatchingBenchmark().run()
        print(report.lines.joined(separator: "\n"))
        #expect(report.wrong.isEmpty, "\(report.wrong.map(\.label))")
    }

    @Test func namesAcrossScriptsAndSpellingsHaveDecoysAndNoneIsMatched() {
        let names = MatchingCorpus.names
        #expect(names.filter { $0.truth == nil }.count >= 5)
        #expect(names.contains { !$0.file.knownArtists.isEmpty })
        let report = MatchingBenchmark().run(names)
        print(report.lines.joined(separator: "\n"))
        #expect(report.wrong.isEmpty, "\(report.wrong.map(\.label))")
    }
}
