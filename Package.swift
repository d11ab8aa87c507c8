// swift-tools-version: 6.0
// ocpp-console: a terminal console over an embedded OCPP 1.6-J charge point.
// Layout and rules: see README.md ("Layout") and DESIGN.md.
import Foundation
import PackageDescription

/// The C libraries are found with pkg-config, as their packages intend. SwiftPM reads
/// pkg-config only for system-library targets and then warns about (and drops) the
/// `-D` flags ncursesw needs, so the manifest asks pkg-config itself and turns its
/// answer into ordinary, safe build settings: `-D` into defines, `-l` into linked
/// libraries. (Debian keeps the headers in /usr/include, so no `-I` is needed.)
enum PkgConfig {
    static func flags(_ mode: String, _ packages: [String]) -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pkg-config", mode] + packages
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return [] }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return [] }
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace).map(String.init)
    }

    static func cSettings(for packages: [String]) -> [CSetting] {
        flags("--cflags", packages).compactMap { flag in
            guard flag.hasPrefix("-D") else { return nil }
            let definition = flag.dropFirst(2).split(separator: "=", maxSplits: 1).map(String.init)
            return .define(definition[0], to: definition.count > 1 ? definition[1] : nil)
        }
    }

    static func linkerSettings(for packages: [String], fallback: [String]) -> [LinkerSetting] {
        let libraries = flags("--libs", packages).filter { $0.hasPrefix("-l") }.map { String($0.dropFirst(2)) }
        // Without pkg-config (or the -dev packages) fall back to the Debian names, so the
        // build fails at the missing header with a message naming it.
        return (libraries.isEmpty ? fallback : libraries).map { .linkedLibrary($0) }
    }
}

/// Products used by several targets.
let deque = Target.Dependency.product(name: "DequeModule", package: "swift-collections")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
/// The X.509 and crypto packages (swift-crypto is BoringSSL underneath): only
/// StationSecurity and its tests use them, never the engine.
let securityPackages: [Target.Dependency] = [
    .product(name: "X509", package: "swift-certificates"),
    .product(name: "Crypto", package: "swift-crypto"),
    .product(name: "CryptoExtras", package: "swift-crypto"),
    .product(name: "SwiftASN1", package: "swift-asn1"),
]

let package = Package(
    name: "ocpp-console",
    products: [
        .executable(name: "ocpp-console", targets: ["Console"]),
        .library(name: "ChargePoint", targets: ["ChargePoint"]),
        .library(name: "ChargePointRuntime", targets: ["ChargePointRuntime"]),
        .library(name: "StationSecurity", targets: ["StationSecurity"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
    ],
    targets: [
        // C only: thin wrappers over ncursesw macros and variadics, for the console.
        .target(
            name: "CTermShim",
            path: "Sources/CTermShim",
            cSettings: PkgConfig.cSettings(for: ["ncursesw"]),
            linkerSettings: PkgConfig.linkerSettings(for: ["ncursesw"], fallback: ["ncursesw", "tinfo"])
        ),
        // C only: the libwebsockets glue (timers, callbacks, macros), for the link and
        // the demo central system.
        .target(
            name: "CLibwebsockets",
            path: "Sources/CLibwebsockets",
            cSettings: PkgConfig.cSettings(for: ["libwebsockets"]),
            linkerSettings: PkgConfig.linkerSettings(for: ["libwebsockets"], fallback: ["websockets"]) + [
                // The TLS diagnostics of the shim call OpenSSL, which lws is built on.
                .linkedLibrary("ssl"), .linkedLibrary("crypto"),
            ]
        ),
        // C only: typed wrappers over libcurl's variadic setopt/getinfo, for firmware
        // downloads and diagnostics uploads (HTTP, HTTPS, FTP).
        .target(
            name: "CCurl",
            path: "Sources/CCurl",
            cSettings: PkgConfig.cSettings(for: ["libcurl"]),
            linkerSettings: PkgConfig.linkerSettings(for: ["libcurl"], fallback: ["curl"])
        ),
        // C only: SQLite's variadic sqlite3_config, for a fleet's small page caches.
        .target(
            name: "CSQLite",
            path: "Sources/CSQLite",
            linkerSettings: [.linkedLibrary("sqlite3")]
        ),
        // The engine: the OCPP protocol, the sans-IO station core, its operations,
        // configuration and the operator command language. No C library, no SQLite, no
        // threads, no files, no terminal, no print().
        .target(
            name: "ChargePoint",
            dependencies: [deque],
            path: "Sources/ChargePoint"
        ),
        // The crypto of the OCPP 1.6 security extension: keys and CSRs, X.509 parsing,
        // chain verification, certificate hash data, signed firmware. On swift-certificates
        // and swift-crypto, so the engine stays free of C libraries.
        .target(
            name: "StationSecurity",
            dependencies: ["ChargePoint"] + securityPackages,
            path: "Sources/StationSecurity"
        ),
        // What runs the engine for real: the SQLite store (GRDB), the data-directory
        // lock, the libwebsockets link, file transfers on libcurl, the runner and its
        // clocks, station profiles and demo cards read from TOML files.
        .target(
            name: "ChargePointRuntime",
            dependencies: [
                "ChargePoint", "StationSecurity", "CLibwebsockets", "CCurl", "CSQLite",
                logging,
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "GRDB", package: "GRDB.swift"),
                deque,
            ],
            path: "Sources/ChargePointRuntime"
        ),
        // The small central system `--demo` starts (server side, on libwebsockets).
        .target(
            name: "DemoCentralSystem",
            dependencies: [
                "ChargePoint", "ChargePointRuntime", "CLibwebsockets",
                deque,
            ],
            path: "Sources/DemoCentralSystem"
        ),
        // The screen without the terminal: model, panes, layout, key bindings, drawn
        // into a Surface (curses in the console, an in-memory grid in tests).
        .target(
            name: "ConsoleScreen",
            dependencies: ["ChargePoint", deque],
            path: "Sources/ConsoleScreen"
        ),
        .executableTarget(
            name: "Console",
            dependencies: [
                "ChargePoint", "ChargePointRuntime", "DemoCentralSystem", "ConsoleScreen", "CTermShim", "CLibwebsockets",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                logging,
                deque,
            ],
            path: "Sources/Console"
        ),
        // `make bench`: prints figures; not a test.
        .executableTarget(
            name: "ocpp-bench",
            dependencies: ["ChargePoint", "ChargePointRuntime", "ConsoleScreen"],
            path: "Tests/Benchmarks"
        ),
        .testTarget(
            name: "ChargePointTests",
            dependencies: [
                "ChargePoint", "ChargePointRuntime", "DemoCentralSystem",
                // To write the databases of earlier versions as they were.
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tests/ChargePointTests"
        ),
        .testTarget(
            name: "StationSecurityTests",
            dependencies: ["StationSecurity", "ChargePoint"] + securityPackages,
            path: "Tests/StationSecurityTests"
        ),
        .testTarget(
            name: "ConsoleTests",
            dependencies: ["Console", "ConsoleScreen", "ChargePoint", "ChargePointRuntime"],
            path: "Tests/ConsoleTests",
            // Expected screens, read at run time from the source tree.
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
