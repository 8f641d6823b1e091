import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app'
import { chooseBridge } from './bridge'
import { BridgeProvider } from './bridge-context'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('The page has no #root element')
createRoot(root).render(
  <StrictMode>
    <BridgeProvider bridge={chooseBridge()}>
      <App />
    </BridgeProvider>
  </StrictMode>,
)
