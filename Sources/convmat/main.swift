import Foundation

StandardStream.reserveClosedDescriptors()
SignalCleanup.install()
// Every command ends here: 0 on success, 1 when a check fails, 2 on bad input.
exit(EntryPoint.run(Array(CommandLine.arguments.dropFirst())))
