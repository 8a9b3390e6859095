/// The stationary distribution of a continuous-time Markov chain with generator `q` (rows
/// summing to zero): πQ = 0 with Σπ = 1, solved as Qᵀπ = 0 with the last equation replaced by
/// the normalisation, by Gaussian elimination with partial pivoting. For the small chains the
/// validation tests solve exactly (overflow pools, (s, S) stock).
public func stationaryDistribution(generator q: [[Double]]) -> [Double] {
  let n = q.count
  var m = (0..<n).map { row in (0..<n).map { col in q[col][row] } + [0.0] }
  m[n - 1] = Array(repeating: 1.0, count: n) + [1.0]
  for col in 0..<n {
    let pivot = (col..<n).max { abs(m[$0][col]) < abs(m[$1][col]) }!
    m.swapAt(col, pivot)
    for row in 0..<n where row != col {
      let f = m[row][col] / m[col][col]
      for k in col...n { m[row][k] -= f * m[col][k] }
    }
  }
  return (0..<n).map { m[$0][n] / m[$0][$0] }
}
