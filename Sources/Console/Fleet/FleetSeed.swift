/// Each station's seed under `--seed S` (issue 15): S mixed with the station's
/// identity (FNV-1a, then SplitMix's finaliser), so that a station keeps its reconnect
/// jitter from run to run and from shard to shard, and no two stations share it.
enum FleetSeed {
    static func station(_ seed: UInt64, identity: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in identity.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        var mixed = seed ^ hash
        mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
        return mixed ^ (mixed >> 31)
    }
}
