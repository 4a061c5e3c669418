extension UnsafeBufferPointer<UInt8> {
    /// Whether `pattern` occurs in these bytes.
    func containsBytes(_ pattern: [UInt8]) -> Bool {
        guard let first = pattern.first, pattern.count <= count else { return pattern.isEmpty }
        var start = 0
        while start + pattern.count <= count {
            if self[start] == first && self[start..<start + pattern.count].elementsEqual(pattern) { return true }
            start += 1
        }
        return false
    }
}
